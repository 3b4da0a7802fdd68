import type { CliCommand, CliIo } from './command.js';

/** A command whose first argument picks a subcommand: `balcao locker issue-code …`, `balcao staff new-badge …`. */
export function commandGroup(name: string, summary: string, subcommands: readonly CliCommand[]): CliCommand {
  const usage = subcommands.map((c) => c.usage).join('\n  ');
  return {
    name,
    usage,
    summary,
    async run(args: string[], io: CliIo) {
      const [sub, ...rest] = args;
      const command = subcommands.find((c) => c.name === sub);
      if (!command) {
        io.err(`balcao ${name}: ${sub ? `unknown subcommand "${sub}"` : 'which one?'}\nusage:\n  ${usage}`);
        return 64;
      }
      return command.run(rest, io);
    },
  };
}
