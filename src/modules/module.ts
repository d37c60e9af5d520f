// The shape every module entry declares (`src/modules/<name>/index.ts` exports one as `module`), and that
// `src/http/app.ts` and `src/cli.ts` read from the one list in `src/modules/index.ts`. Routes and commands are lazy
// loaders so that reading the list costs nothing: the CLI prints its help and runs a small command without loading
// the HTTP layer or the other modules' services; the API awaits every route loader once, when app.ts is first
// imported, and the server every background loader.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { ParseArgsConfig } from 'node:util';
import type { DB } from '../db/schema.ts';
import type { Config } from '../config.ts';
import type { AppDeps } from '../http/app.ts';
import type { AppEnv } from '../http/env.ts';
import type { TodoItem } from '../domain/todo.ts';
import type { Ctx } from './context.ts';

/** Registers a module's routes on the API router (the one under /api, so the OpenAPI document lists them). */
export type MountRoutes = (api: OpenAPIHono<AppEnv>, deps: AppDeps) => void;

export interface CliArgs {
  values: Record<string, unknown>;
  positionals: string[];
}

/** What a command's loader yields: its options (parsed strictly by the CLI) and what it does; returns the exit code. */
export interface CliCommand {
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: CliArgs, config: Config): Promise<number>;
}

export interface CommandEntry {
  /** One or two words: `backup`, `user add`. */
  name: string;
  /** One line for `thihanh --help`. */
  help: string;
  /** Shown by `thihanh NAME --help` and after an invalid option. */
  usage: string;
  load(): Promise<CliCommand>;
}

/** What a running server hands to a module's background work (timers, announcements). */
export interface ServerContext {
  db: Kysely<DB>;
  backend: string;
  config: Config;
  /** Where the server answers, as a local client reaches it. */
  url: string;
}

/**
 * Starts a module's background work when the server starts. `stop` is called when a stop is asked for, before the
 * server lets requests under way finish; what it returns is awaited after they have (a reminder pass under way ends
 * its mail rather than being cut off).
 */
export type StartBackground = (server: ServerContext) => { stop(): void | Promise<void> };

/**
 * What of a module's records waits for this actor ("Việc cần làm"): reports to approve, overdue work, petitions to
 * answer… Each module answers for its own records, with the permission rule applied as in its lists.
 */
export type TodoSource = (ctx: Ctx, today: string) => Promise<TodoItem[]>;

/** A section a module adds to the compiled report of a unit's year: petitions received, AI systems registered… */
export interface ReportSection {
  title: string;
  lines: string[];
}

/**
 * The section of a module's records for the compiled report of `unitId`'s subtree over `year` (null when the module
 * has nothing to say there). Figures only: a report goes to other bodies and is published.
 */
export type ReportSectionSource = (
  db: Kysely<DB>,
  scope: { unitId: number; year: number; today: string },
) => Promise<ReportSection | null>;

export interface AppModule {
  name: string;
  routes?(): Promise<MountRoutes>;
  commands?: readonly CommandEntry[];
  background?(): Promise<StartBackground>;
  todo?(): Promise<TodoSource>;
  reportSection?(): Promise<ReportSectionSource>;
}
