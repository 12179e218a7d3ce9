/**
 * Every command verso has, in the order `verso --help` lists them. Adding a command is one
 * import and one line here.
 */
import type { CommandSpec } from '../command.js';
import { initCommand } from './init.js';
import { importCommand } from './import.js';
import { segmentCommand } from './segment.js';
import { statusCommand } from './status.js';
import { approveCommand } from './approve.js';
import { editCommand } from './edit.js';
import { revertCommand } from './revert.js';
import { reviewCommand } from './review.js';
import { diffCommand } from './diff.js';
import { translateCommand } from './translate.js';
import { exportCommand } from './export.js';
import { importXliffCommand } from './import-xliff.js';
import { importTmxCommand } from './import-tmx.js';
import { renderCommand } from './render.js';
import { mergeDriverCommand } from './merge-driver.js';
import { alignCommand } from './align.js';
import { checkCommand } from './check.js';
import { qaCommand } from './qa.js';

export const COMMANDS: CommandSpec[] = [
  initCommand,
  importCommand,
  segmentCommand,
  statusCommand,
  checkCommand,
  qaCommand,
  editCommand,
  approveCommand,
  revertCommand,
  reviewCommand,
  diffCommand,
  translateCommand,
  exportCommand,
  importXliffCommand,
  importTmxCommand,
  renderCommand,
  mergeDriverCommand,
  alignCommand,
];
