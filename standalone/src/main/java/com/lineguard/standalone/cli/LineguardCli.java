package com.lineguard.standalone.cli;

import com.lineguard.standalone.kafka.TopicWatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The jar's command-line tools ({@code java -jar lineguard.jar <subcommand>}): {@code audit export}, {@code audit
 * verify}, {@code replay <processor>} and {@code watch <topic>}. Without a subcommand the jar starts Lineguard.
 * <p>
 * Exit codes: {@value #OK} done (and intact), {@value #FAILED} the store is tampered with or a replay failed,
 * {@value #USAGE_OR_SERVER_ERROR} a wrong command line, an unreachable server or an error answer from it.
 */
@Command(name = "java -jar lineguard.jar", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = LineguardCli.Version.class,
        description = "Lineguard's tools for auditors and operators. Without a subcommand the jar runs Lineguard.",
        subcommands = {AuditCommand.class, ReplayCommand.class, TopicWatch.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done; the store is intact", "1:the store was tampered with, or the replay failed",
                "2:wrong command line, or the server could not be reached or refused"})
public final class LineguardCli implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE_OR_SERVER_ERROR = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** Ready to {@code execute}; errors from the server or the network end with exit code 2 and their message. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LineguardCli());
        commandLine.setExecutionExceptionHandler((e, failed, parsed) -> {
            failed.getErr().println(e.getMessage() != null ? e.getMessage() : e.toString());
            return USAGE_OR_SERVER_ERROR;
        });
        return commandLine;
    }

    /** The version of the jar ({@code -V}), from its manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LineguardCli.class.getPackage().getImplementationVersion();
            return new String[] {"Lineguard " + (version != null ? version : "(development build)")};
        }
    }

    /** Whether {@code args} name one of the tools (or ask for help or the version) rather than configure the server. */
    public static boolean isToolCall(String[] args) {
        return args.length > 0 && (commandLine().getSubcommands().containsKey(args[0])
                || Set.of("-h", "--help", "-V", "--version").contains(args[0]));
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
