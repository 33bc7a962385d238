import { runCalc } from "./calc.ts";
import { runGen } from "./gen.ts";
import { type CliIo, exitCodes } from "./io.ts";

/**
 * `npm run -s thuocdo -- <subcommand>`: a small dispatcher. Each subcommand is a module exporting
 * `run…(io, args)` returning an exit code.
 */
const commands: Record<string, { summary: string; run: (io: CliIo, args: string[]) => Promise<number> }> = {
  calc: {
    summary: "Đọc một tài liệu JSON từ stdin (kind: period | year | quota | agency), ghi kết quả JSON ra stdout.",
    run: (io) => runCalc(io),
  },
  gen: {
    summary: "Sinh một tỉnh để đo hiệu năng: --people 10000 --agencies 200 --months 12 --seed 1 [--year 2026].",
    run: runGen,
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return [
    "Cách dùng: npm run -s thuocdo -- <lệnh>",
    "",
    "Các lệnh:",
    ...lines,
    "",
    'Ví dụ: echo \'{"kind":"quota","people":[]}\' | npm run -s thuocdo -- calc',
    "",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  if (name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return exitCodes.ok;
  }
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(name ? `Lệnh không hợp lệ: «${name}».\n\n${usage()}` : usage());
    return exitCodes.invalid;
  }
  return command.run(io, args);
}

process.exitCode = await main(process.argv.slice(2));
