package com.honeydue.infra;

import com.honeydue.infra.config.ConfigSchema;
import com.honeydue.infra.config.RawConfig;
import com.honeydue.infra.stack.StackConfigLoader;
import com.pulumi.Context;

/**
 * The whole program for one stack: validate every config key first (throwing with all problems, before any
 * resource is registered), then define the stack. The real engine (App) and the mock engine both run this.
 */
public final class HoneyDueProgram {
    private HoneyDueProgram() {}

    public static void run(Context ctx, ConfigSchema schema, RawConfig raw) {
        HoneyDueStack.define(ctx, StackConfigLoader.load(schema, raw, warning -> ctx.log().warn(warning)));
    }
}
