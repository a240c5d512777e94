import { describe, expect, it } from 'vitest';
import { chromiumTypeOf, parseProcStat, treeCpuMs } from './proc-cpu';

describe('parseProcStat', () => {
  it('reads pid, ppid and utime + stime, even with spaces and parentheses in the name', () => {
    const line = '4242 (chrome (renderer)) S 17 4242 17 0 -1 4194560 100 0 0 0 250 30 0 0 20 0';
    expect(parseProcStat(line)).toEqual({ pid: 4242, ppid: 17, cpuMs: 2800 });
  });

  it('gives up on a line that is not a stat line', () => {
    expect(parseProcStat('garbage')).toBeUndefined();
  });
});

describe('treeCpuMs', () => {
  const processes = [
    { pid: 1, ppid: 0, cpuMs: 10 },
    { pid: 2, ppid: 1, cpuMs: 20 },
    { pid: 3, ppid: 2, cpuMs: 40 },
    { pid: 4, ppid: 1, cpuMs: 80 },
    { pid: 5, ppid: 4, cpuMs: 160 },
    { pid: 6, ppid: 0, cpuMs: 320 },
  ];

  it('sums a process and its descendants only', () => {
    expect(treeCpuMs(1, [], processes)).toBe(310);
  });

  it('leaves out excluded subtrees', () => {
    expect(treeCpuMs(1, [4], processes)).toBe(70);
  });
});

describe('chromiumTypeOf', () => {
  it('names renderer, GPU, utility services and the browser process', () => {
    expect(chromiumTypeOf('/usr/lib/chromium/chromium\0--type=renderer\0--foo')).toBe('renderer');
    expect(chromiumTypeOf('chromium\0--type=gpu-process')).toBe('gpu-process');
    expect(
      chromiumTypeOf('chromium\0--type=utility\0--utility-sub-type=network.mojom.NetworkService'),
    ).toBe('utility:network');
    expect(chromiumTypeOf('/usr/lib/chromium/chromium\0--headless')).toBe('browser');
    // What a child rewrote its command line to: one string, spaces between the arguments.
    expect(chromiumTypeOf('/usr/lib/chromium/chromium --type=renderer --lang=en\0\0')).toBe(
      'renderer',
    );
  });
});
