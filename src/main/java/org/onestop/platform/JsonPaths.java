package org.onestop.platform;

import com.networknt.schema.path.NodePath;

/** Writes a location inside a JSON document as people read it: {@code services[0].steps[2].code}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    public static String of(NodePath path) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(element);
            }
        }
        return text.toString();
    }

    public static String join(String parent, String child) {
        if (parent.isEmpty()) {
            return child;
        }
        return child.isEmpty() ? parent : child.startsWith("[") ? parent + child : parent + "." + child;
    }
}
