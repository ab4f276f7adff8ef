package org.onestop.catalog;

import java.util.List;

/**
 * What a step's organisation receives: form fields (dotted paths) and outputs of earlier steps
 * ({@code step-code.field}).
 */
public record StepInput(List<String> form, List<String> outputs) {

    public static final StepInput NONE = new StepInput(List.of(), List.of());

    public StepInput {
        form = form == null ? List.of() : List.copyOf(form);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }
}
