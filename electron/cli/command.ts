/** One `balcao` subcommand: argv after the command's name in, text out, and the process's exit status. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Resolves when the user asks to stop (Ctrl-C), for long-running commands such as `watch-scanner`. */
  interrupted: Promise<void>;
}
