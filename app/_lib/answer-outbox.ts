import { type IDBPDatabase, openDB } from "idb";

/** An answer given in the browser and not yet acknowledged by the server. */
export type PendingAnswer = {
  answerId: string;
  /** The signed-in user's id: a browser shared by two people sends each their own answers. */
  owner: string;
  cardId: string;
  grade: 1 | 2 | 3 | 4;
  version: number;
  durationMs: number;
  /** When it was given (this browser's clock): the server counts it from then. */
  answeredAt: number;
  /** Order of answering: answers are sent in it. */
  seq: number;
};

/** What became of an answer that no longer waits. */
export type Outcome = Settled["kind"] | "taken-back";

export type Settled =
  | { kind: "saved"; answer: PendingAnswer; version: number }
  | { kind: "moved-on"; answer: PendingAnswer }
  | { kind: "gone"; answer: PendingAnswer };

type Listener = {
  /** The answers waiting changed (count, whether sending is failing). */
  onChange: (waiting: number, isFailing: boolean) => void;
  onSettled: (settled: Settled) => void;
  onSignedOut: () => void;
};

const database = "kioku";
const store = "answers";
// The versions the server gave cards answered lately: a review page kept for offline use
// can be older than them, and its cards at an older version are not shown again.
const savedStore = "saved";
type SavedVersion = { key: string; owner: string; cardId: string; version: number; savedAt: number };
const savedKeptMs = 2 * 86_400_000;

function open(): Promise<IDBPDatabase> {
  return openDB(database, 1, {
    upgrade(db) {
      db.createObjectStore(store, { keyPath: "answerId" }).createIndex("owner", "owner");
      db.createObjectStore(savedStore, { keyPath: "key" }).createIndex("owner", "owner");
    },
  });
}

/**
 * Answers kept in IndexedDB until the server has them, sent one at a time in the order
 * given (so the log keeps it), retried with backoff while the server cannot be reached
 * and at once when the browser is back online. They survive a reload, a closed tab and
 * going offline (the next page of the app sends them); a replay after a lost response
 * changes nothing on the server (the answerId), and each carries its owner, so another
 * account signed in meanwhile never gets it. Without IndexedDB (some private windows)
 * they are kept for the page's life.
 */
export class AnswerOutbox {
  private answers: PendingAnswer[] = [];
  private db: IDBPDatabase | null = null;
  private inFlight: string | null = null;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private lastSeq = 0;
  // Answers known to be in IndexedDB: one missing from it was taken back in another tab.
  private persisted = new Set<string>();
  private waiters: { answerId: string; resolve: (outcome: Outcome) => void }[] = [];

  constructor(
    private readonly owner: string,
    private readonly listener: Listener,
  ) {}

  /**
   * Load what earlier pages left unsent, and start sending. Also the versions of cards
   * answered lately (by card id), newer than a review page kept offline may show.
   */
  async start(): Promise<{ waiting: PendingAnswer[]; saved: Map<string, number> }> {
    const saved = new Map<string, number>();
    try {
      this.db = await open();
      const kept = (await this.db.getAllFromIndex(store, "owner", this.owner)) as PendingAnswer[];
      this.answers = kept.sort((a, b) => a.seq - b.seq);
      this.lastSeq = this.answers.at(-1)?.seq ?? 0;
      for (const answer of this.answers) this.persisted.add(answer.answerId);
      for (const row of (await this.db.getAllFromIndex(savedStore, "owner", this.owner)) as SavedVersion[]) {
        if (row.savedAt < Date.now() - savedKeptMs) await this.db.delete(savedStore, row.key);
        else saved.set(row.cardId, row.version);
      }
    } catch {
      this.db = null;
    }
    addEventListener("online", this.retryNow);
    this.changed();
    this.send();
    return { waiting: [...this.answers], saved };
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    removeEventListener("online", this.retryNow);
  }

  get waiting(): number {
    return this.answers.length;
  }

  has(cardId: string): boolean {
    return this.answers.some((answer) => answer.cardId === cardId);
  }

  async add(answer: Omit<PendingAnswer, "owner" | "seq">): Promise<void> {
    this.lastSeq = Math.max(this.lastSeq + 1, Date.now() * 1000);
    const pending = { ...answer, owner: this.owner, seq: this.lastSeq };
    this.answers.push(pending);
    this.changed();
    await this.db
      ?.put(store, pending)
      .then(() => this.persisted.add(pending.answerId))
      .catch(() => undefined);
    this.send();
  }

  /** Take back an answer not sent yet; false when it is on its way (or saved). */
  async takeBack(answerId: string): Promise<boolean> {
    if (this.inFlight === answerId || !this.answers.some((answer) => answer.answerId === answerId)) return false;
    await this.forget(answerId, "taken-back");
    return true;
  }

  /** What becomes of the given answer once it no longer waits; undefined when it was not waiting. */
  settled(answerId: string): Promise<Outcome | undefined> {
    if (!this.answers.some((answer) => answer.answerId === answerId)) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push({ answerId, resolve }));
  }

  /** The newest answer waiting, if any. */
  get newest(): PendingAnswer | undefined {
    return this.answers.at(-1);
  }

  /** Resolves once no answer waits (each one saved, refused or taken back). */
  async drained(): Promise<void> {
    for (let last = this.answers.at(-1); last; last = this.answers.at(-1)) await this.settled(last.answerId);
  }

  private readonly retryNow = () => {
    this.failures = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.send();
  };

  private changed(): void {
    this.listener.onChange(this.answers.length, this.failures > 0);
  }

  private async forget(answerId: string, outcome: Outcome): Promise<void> {
    this.answers = this.answers.filter((answer) => answer.answerId !== answerId);
    this.changed();
    this.persisted.delete(answerId);
    for (const waiter of this.waiters.filter((w) => w.answerId === answerId)) waiter.resolve(outcome);
    this.waiters = this.waiters.filter((w) => w.answerId !== answerId);
    await this.db?.delete(store, answerId).catch(() => undefined);
  }

  private send(): void {
    const next = this.answers[0];
    if (this.stopped || !next || this.inFlight || this.timer) return;
    this.inFlight = next.answerId;
    void this.post(next).finally(() => {
      this.inFlight = null;
      this.send();
    });
  }

  private request(answer: PendingAnswer): Promise<Response> {
    return fetch("/api/review/answers", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        owner: answer.owner,
        cardId: answer.cardId,
        grade: answer.grade,
        answerId: answer.answerId,
        version: answer.version,
        durationMs: answer.durationMs,
        answeredAgoMs: Math.max(0, Date.now() - answer.answeredAt),
      }),
    });
  }

  private async post(answer: PendingAnswer): Promise<void> {
    // Gone from IndexedDB: another tab of the same person saved it, or took it back.
    const isKept = this.db && this.persisted.has(answer.answerId);
    if (isKept && !(await this.db?.get(store, answer.answerId).catch(() => true))) {
      const saved = (await this.db?.get(savedStore, `${this.owner}:${answer.cardId}`).catch(() => undefined)) as
        | SavedVersion
        | undefined;
      if (!saved || saved.version <= answer.version) return this.forget(answer.answerId, "taken-back");
      await this.forget(answer.answerId, "saved");
      return this.listener.onSettled({ kind: "saved", answer, version: saved.version });
    }
    let response: Response;
    try {
      response = await this.request(answer);
    } catch {
      return this.backOff();
    }
    if (response.status === 401 || response.status === 403) {
      // Signed out, or signed in as someone else: kept for when this person signs in again.
      this.stopped = true;
      return this.listener.onSignedOut();
    }
    if (response.status >= 500 || response.status === 429 || response.status === 408) return this.backOff();
    this.failures = 0;
    const body = (await response.json().catch(() => ({}))) as { version?: number };
    const version = body.version ?? answer.version + 1;
    if (response.ok) {
      const row: SavedVersion = {
        key: `${this.owner}:${answer.cardId}`,
        owner: this.owner,
        cardId: answer.cardId,
        version,
        savedAt: Date.now(),
      };
      await this.db?.put(savedStore, row).catch(() => undefined);
    }
    const settled: Settled = response.ok
      ? { kind: "saved", answer, version }
      : response.status === 409
        ? { kind: "moved-on", answer }
        : // 404 (the card is gone) or 400 (nothing the server will ever take): not sent again.
          { kind: "gone", answer };
    await this.forget(answer.answerId, settled.kind);
    this.listener.onSettled(settled);
  }

  /** 1 s, 2 s, 4 s … up to 30 s between tries while the server cannot be reached. */
  private backOff(): void {
    this.failures++;
    this.changed();
    const delay = Math.min(30_000, 1000 * 2 ** (this.failures - 1));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.send();
    }, delay);
  }
}
