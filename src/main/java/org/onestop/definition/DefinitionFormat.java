package org.onestop.definition;

/** The text formats a network definition is read and written in. */
public enum DefinitionFormat {
    YAML, JSON
}
