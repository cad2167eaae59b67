package dev.yuqing.app.cli;

import picocli.CommandLine.Command;

/** {@code yuqing index}: looks after the post index; see its subcommands. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "索引维护 (look after the post index).",
    subcommands = {IndexStatsCommand.class, IndexRequeueCommand.class})
public final class IndexCommand extends CommandGroup {}
