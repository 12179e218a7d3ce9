/** Shared steps of commands that work on a project. */
import { openProject, type Project } from '../storage/project.js';
import type { CommandContext } from './command.js';

export function loadProject(ctx: CommandContext): Promise<Project> {
  return openProject(ctx.cwd);
}
