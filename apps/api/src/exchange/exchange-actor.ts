import type { FileActor } from '../files/files.service';

/**
 * The files and history lines the interconnection writes on its own have no user behind them: the
 * file's creator stays empty (the column allows it) and the audit names the axis.
 */
export const AXIS_ACTOR = { id: null, username: 'truc-lien-thong' } as unknown as FileActor;
