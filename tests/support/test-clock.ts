/** A settable clock for tests: time moves only when the test says so. */
export class TestClock {
  private current: Date;

  constructor(start: string) {
    this.current = new Date(start);
  }

  now = (): Date => new Date(this.current);

  set(instant: string): void {
    this.current = new Date(instant);
  }

  advanceHours(hours: number): void {
    this.current = new Date(this.current.getTime() + hours * 3600_000);
  }
}
