import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AuditService } from 'src/audit/audit.service';
import { prepareProcess } from 'src/bootstrap';
import { runBackupCommand } from 'src/cli/backup-command';
import { CliModule } from 'src/cli/cli.module';
import { flattenValidationErrors } from 'src/common/errors/validation';
import { DomainException } from 'src/common/errors/domain.exception';
import { NestPinoLogger } from 'src/common/logging/logger';
import { CreateUserDto } from 'src/users/dto/user.dto';
import { UsersService } from 'src/users/users.service';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  user:create --email <email> --role <admin|investigator|analyst|reviewer> [--name <display name>]
      Creates a user. The password is read from standard input (prompted without echo on a terminal).
  audit:verify
      Recomputes the audit log's hash chain; exit code 0 only when it is intact.
  backup <dir>
      Writes a consistent snapshot of the database and the file store to a new or empty directory
      (with a manifest). Checks the master key against the database; never copies it.
  restore <dir>
      Restores a backup into an empty database and an empty STORAGE_DIR (refused otherwise, and
      when SILLOK_MASTER_KEY is not the backup's key), then verifies the audit chain, a sample of
      identities and every file's hash. Exit codes: 0 done and verified, 1 verification failed,
      64 usage, 65 damaged or newer backup, 66 no backup there, 73 target not empty, 78 key/config.
  (backup and restore use DATABASE_URL, or without it the embedded PostgreSQL under DATA_DIR.)
`;

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stdout.write('Password (not shown): ');
    // Mute echo: readline writes through _writeToOutput.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  }
  const line = await new Promise<string>((resolve) => rl.once('line', resolve).once('close', () => resolve('')));
  rl.close();
  if (process.stdin.isTTY) process.stdout.write('\n');
  return line.replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    out(USAGE);
    return command ? 0 : 64;
  }
  // Before prepareProcess: restore needs an empty database (no migrations, no key check yet).
  if (command === 'backup' || command === 'restore') return runBackupCommand(command, rest, { env: process.env, out });
  const { config, logger } = await prepareProcess('cli');
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, logger), { logger: new NestPinoLogger(logger) });
  try {
    switch (command) {
      case 'user:create': {
        const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
        const dto = plainToInstance(CreateUserDto, { email: values.email, role: values.role, displayName: values.name ?? values.email, password: await readPassword() });
        const problems = flattenValidationErrors(await validate(dto));
        if (problems.length) {
          for (const p of problems) out(`${p.field}: ${p.problems.join(', ')}`);
          return 65;
        }
        const user = await app.get(UsersService).create(dto, null);
        out(`created ${user.role} ${user.email} (${user.id})`);
        return 0;
      }
      case 'audit:verify': {
        const result = await app.get(AuditService).verify();
        if (result.ok) out(`audit chain intact: ${result.entriesChecked} entries`);
        else out(`audit chain BROKEN at entry ${result.firstBroken?.seq}: ${result.firstBroken?.message} (${result.entriesChecked} entries verified before it)`);
        return result.ok ? 0 : 1;
      }
      default:
        out(`Unknown command: ${command}\n\n${USAGE}`);
        return 64;
    }
  } catch (error) {
    if (error instanceof DomainException) {
      if (Array.isArray(error.details)) for (const p of error.details) out(`${p.field}: ${p.problems.join(', ')}`);
      else out(`${error.code}: ${error.message}`);
      return 65;
    }
    throw error;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
