package com.lineguard.standalone.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name=value} or {@code --name value} options and the remaining words, as the subcommands take them. */
record CliOptions(Map<String, String> options, List<String> words) {

    static CliOptions parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                if (equals > 0) {
                    options.put(arg.substring(2, equals), arg.substring(equals + 1));
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    options.put(arg.substring(2), args[++i]);
                } else {
                    options.put(arg.substring(2), "true");
                }
            } else {
                words.add(arg);
            }
        }
        return new CliOptions(options, words);
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    String word(int index) {
        return index < words.size() ? words.get(index) : null;
    }
}
