package org.onestop.cases;

import java.util.List;

import org.onestop.platform.Violation;

/** What became of an action on a case. Expected refusals are results, not exceptions. */
public sealed interface StepResult {

    record Done(Case after) implements StepResult {
    }

    /** The action does not fit the case's state, or the actor may not take it. */
    record NotAllowed(String why) implements StepResult {
    }

    /** The output or reason breaks the rules. */
    record Invalid(List<Violation> violations) implements StepResult {
    }
}
