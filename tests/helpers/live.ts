/** A hearing-link holder's view: the presentation a presenter shows, as a test reads it. */

/** A presenter's state for slide `slide` of three, with the pointer at a known place. */
export const presentState = (slide: number) => ({
  slide,
  count: 3,
  step: 0,
  title: 'Sơ đồ vụ án',
  black: false,
  pointer: { x: 0.5, y: 0.25 },
  spotlight: null,
  zoom: null,
});

/** Stops a `liveEvents` reading once the holder is shown slide `slide`. */
export const untilSlide =
  (slide: number) =>
  (name: string, data: unknown): boolean =>
    name === 'state' && (data as { state: { slide: number } | null }).state?.slide === slide;

/** Reads server-sent events from a live link until `until` says stop. */
export async function liveEvents(
  baseUrl: string,
  token: string,
  until: (name: string, data: unknown) => boolean,
): Promise<Array<[string, unknown]>> {
  const res = await fetch(`${baseUrl}/api/live/${token}/events`);
  const reader = res.body!.getReader();
  const seen: Array<[string, unknown]> = [];
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return seen;
    buffer += new TextDecoder().decode(value);
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const chunk = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(chunk)?.[1];
      const data = /^data: (.*)$/m.exec(chunk)?.[1];
      if (!name || !data) continue;
      seen.push([name, JSON.parse(data)]);
      if (until(name, JSON.parse(data))) {
        await reader.cancel();
        return seen;
      }
    }
  }
}
