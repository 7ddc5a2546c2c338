package com.honeydue.infra.cutover;

import java.util.List;

/** Fails preview/up when applying this stack would overlap its peer (both workers, or both owning DNS). */
public final class CutoverConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CutoverConflictException(List<String> violations) {
        super("cutover guard refused this update; nothing was changed:\n  - " + String.join("\n  - ", violations));
    }
}
