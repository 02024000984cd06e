/** Where progress is drawn: process.stderr, or a stand-in in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** A progress indicator for one long step of a command. */
export interface Progress {
  /** Reports that `done` of the total are finished; `label` names what is being worked on. */
  update(done: number, label?: string): void;
  /** Ends the indicator with a closing line. */
  finish(message: string): void;
}

const BAR_WIDTH = 24;
/** A terminal redraw more often than this only costs time. */
const REDRAW_MS = 80;

function bar(done: number, total: number): string {
  const filled = total === 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH));
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
}

/**
 * A progress bar on a terminal (redrawn in place on one line); plain lines when the stream is
 * a pipe or a log file, where carriage returns would only garble the output. Plain lines appear
 * when the label changes or another tenth of the work is done, so a long run logs at most a few dozen lines.
 */
export function createProgress(stream: ProgressStream, title: string, total: number, now: () => number = Date.now): Progress {
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  let lastTenth = -1;
  let lastLabel: string | undefined;
  let drawn = false;

  function line(done: number, label: string | undefined): string {
    const count = `${done}/${total}`;
    return label ? `${title} ${count} ${label}` : `${title} ${count}`;
  }

  return {
    update(done, label) {
      if (tty) {
        const time = now();
        if (drawn && done < total && time - lastDraw < REDRAW_MS) return;
        lastDraw = time;
        drawn = true;
        const text = `${title} ${bar(done, total)} ${done}/${total}${label ? ` ${label}` : ''}`;
        // A pseudo-terminal may report 0 columns: then assume the classic 80.
        const width = (stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80) - 1;
        stream.write(`\r\x1b[2K${text.length > width ? text.slice(0, width) : text}`);
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth === lastTenth && label === lastLabel) return;
      lastTenth = tenth;
      lastLabel = label;
      stream.write(`${line(done, label)}\n`);
    },
    finish(message) {
      stream.write(tty && drawn ? `\r\x1b[2K${message}\n` : `${message}\n`);
    },
  };
}

/** A step whose progress cannot be measured from outside, shown as elapsed time. */
export interface Activity {
  /** Stops the clock and prints the closing line. */
  finish(message: string): void;
}

/**
 * Shows that a long step is still running: on a terminal a line redrawn every second with the
 * elapsed time, otherwise the title once and a plain line every `lineEverySeconds`.
 */
export function startActivity(stream: ProgressStream, title: string, options: { lineEverySeconds?: number; now?: () => number } = {}): Activity {
  const now = options.now ?? Date.now;
  const started = now();
  const tty = stream.isTTY === true;
  const elapsed = () => `${Math.round((now() - started) / 1000)} s`;
  stream.write(tty ? `\r\x1b[2K${title} 0 s` : `${title}\n`);
  const timer = setInterval(
    () => stream.write(tty ? `\r\x1b[2K${title} ${elapsed()}` : `${title} still running (${elapsed()})\n`),
    tty ? 1000 : (options.lineEverySeconds ?? 30) * 1000,
  );
  // The clock alone must never keep the process alive.
  timer.unref();
  return {
    finish(message) {
      clearInterval(timer);
      stream.write(tty ? `\r\x1b[2K${message}\n` : `${message}\n`);
    },
  };
}
