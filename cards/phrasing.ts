/** How cards ask, in the notes' own language. */
export type Phrasing = {
  language: "ja" | "en";
  blank: string;
  whatIs: (term: string) => string;
  whatDoes: (command: string) => string;
  whichCommand: (task: string) => string;
  whichOption: (task: string, command: string) => string;
  optionDoes: (command: string, option: string) => string;
  whichShows: (task: string) => string;
  argumentOf: (command: string, argument: string) => string;
  commandOf: (purpose: string, heading: string) => string;
  whichTerm: (clue: string) => string;
  whichOfGroup: (description: string, group: string) => string;
  combines: (commands: string[]) => string;
  partsOf: (command: string, count: number) => string;
  /** Ways listed under a statement ("…するには、…が必要"), asked back: what are they for? */
  purposeOf: (statement: string) => string | undefined;
  whatFor: (items: string[]) => string;
  /** "コンテナ型の利点" -> コンテナ型, 利点. */
  aspectOf: (title: string) => { subject: string; aspect: string } | undefined;
  whoseAspect: (items: string[], aspect: string) => string;
  tableEffect: (table: string, term: string) => string;
  tableWhich: (table: string, effect: string, example?: string) => string;
  withExample: (meaning: string, example: string) => string;
  versus: (statement: string, labels: string[]) => string;
  versusCommand: (command: string, labels: string[]) => string;
  qualified: (label: string, base: string) => string;
  values: (values: string[]) => string;
};

// "コンテナを停止" (a verbal noun after its object) said as the verb it is: "コンテナを停止する".
const asVerb = (task: string) =>
  /[をてで](停止|削除|作成|起動|確認|表示|実行|取得)$/.test(task) ? `${task}する` : task;

// A quotation inside a quotation takes the inner brackets: 「…『コマンドのインストール』…」.
const quote = (text: string) => `「${text.replace(/「/g, "『").replace(/」/g, "』")}」`;

const ja: Phrasing = {
  language: "ja",
  blank: "［　　］",
  whatIs: (term) => `${term}とは？`,
  whatDoes: (command) => `${command} は何をするコマンド？`,
  whichCommand: (task) =>
    // A task that is a verb phrase reads whole ("コンテナを停止" -> "コンテナを停止するコマンドは？",
    // "…を起動する" -> "…を起動するコマンドは？"); "コンテナ一覧" as what is shown.
    /する$/.test(asVerb(task))
      ? `${asVerb(task)}コマンドは？`
      : /一覧$/.test(task)
        ? `${task}を表示するコマンドは？`
        : `${quote(task)}に使うコマンドは？`,
  whichOption: (task, command) => `${command} で${quote(asVerb(task))}には、どのオプションを使う？`,
  optionDoes: (command, option) => `\`${command}\` の \`${option}\` は何をする？`,
  whichShows: (task) => `${quote(task)}を確認するコマンドは？`,
  argumentOf: (command, argument) => `\`${command}\` の引数 \`${argument}\` は何を指定している？`,
  commandOf: (purpose, heading) => `${purpose}：${heading}は？`,
  whichTerm: (clue) => `${quote(clue)}とは何のこと？`,
  whichOfGroup: (description, group) => `${quote(description)}のは、${group}のうちどれ？`,
  combines: (commands) => `${commands.join("・")} を一度に実行するコマンドは？`,
  partsOf: (command, count) => `${command} が一度に実行する${count}つのコマンドは？`,
  purposeOf: (statement) => {
    const goal = /^(.+?する)には/.exec(statement)?.[1];
    return goal ? `${goal}ため` : undefined;
  },
  whatFor: (items) => `${items.map(quote).join("")}は、何のための方法？`,
  aspectOf: (title) => {
    const match = /^(.+)の(利点|欠点|特徴|メリット|デメリット|長所|短所|種類)$/.exec(title);
    return match?.[1] && match[2] ? { subject: match[1], aspect: match[2] } : undefined;
  },
  whoseAspect: (items, aspect) => `${items.map(quote).join("")}は、何の${aspect}？`,
  tableEffect: (table, term) => `${table}の ${term} は何をする？`,
  tableWhich: (table, effect, example) => `${table}で${quote(effect)}のはどれ？${example ? `（\`${example}\`）` : ""}`,
  withExample: (meaning, example) => `${meaning}（例：\`${example}\`）`,
  versus: (statement, labels) =>
    `${quote(statement)}のは、${labels.length === 2 ? `${labels[0]}と${labels[1]}のどちら` : `${labels.join("・")}のどれ`}？`,
  versusCommand: (command, labels) => `\`${command}\` は、${labels.join("と")}のどちら？`,
  qualified: (label, base) => `${label}の${base}`,
  values: (values) => `（${values.join("、")}）`,
};

const en: Phrasing = {
  language: "en",
  blank: "_____",
  whatIs: (term) => `What is ${term}?`,
  whatDoes: (command) => `What does \`${command}\` do?`,
  whichCommand: (task) => `Which command does this: “${task}”?`,
  whichOption: (task, command) => `Which option of ${command} does this: “${task}”?`,
  optionDoes: (command, option) => `What does \`${option}\` do in \`${command}\`?`,
  whichShows: (task) => `Which command shows ${task.replace(/^the\s+/i, "the ")}?`,
  commandOf: (purpose, heading) => `${purpose}: ${heading}?`,
  argumentOf: (command, argument) => `In \`${command}\`, what does the argument \`${argument}\` give?`,
  whichTerm: (clue) => `What is described here: “${clue}”?`,
  whichOfGroup: (description, group) => `Which of the ${group.toLowerCase()} is “${description}”?`,
  combines: (commands) => `Which command runs ${commands.join(", ")} in one go?`,
  partsOf: (command, count) => `Which ${count} commands does \`${command}\` run in one go?`,
  purposeOf: (statement) => /^to (.+?),/i.exec(statement)?.[1],
  whatFor: (items) => `${items.map((item) => `“${item}”`).join(", ")}: ways to do what?`,
  aspectOf: (title) => {
    const match = /^(advantages|disadvantages|drawbacks|pros|cons|kinds|types|features) of (.+)$/i.exec(title);
    return match?.[1] && match[2] ? { subject: match[2], aspect: match[1].toLowerCase() } : undefined;
  },
  whoseAspect: (items, aspect) => `${items.map((item) => `“${item}”`).join(", ")}: ${aspect} of what?`,
  tableEffect: (table, term) => `In ${table}, what does ${term} do?`,
  tableWhich: (table, effect, example) =>
    `In ${table}, which one does this: “${effect}”?${example ? ` (\`${example}\`)` : ""}`,
  withExample: (meaning, example) => `${meaning} (e.g. \`${example}\`)`,
  versus: (statement, labels) => `“${statement}”: ${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}?`,
  versusCommand: (command, labels) => `\`${command}\`: ${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}?`,
  qualified: (label, base) => `${label} ${base}`,
  values: (values) => ` (${values.join(", ")})`,
};

const cjk = /[\u3040-\u30ff\u3400-\u9fff]/g;

/** Japanese when a noticeable share of the letters are kana or kanji, else English. */
export function phrasingFor(text: string): Phrasing {
  const letters = text.replace(/[^\p{L}]/gu, "").length || 1;
  return (text.match(cjk)?.length ?? 0) / letters > 0.05 ? ja : en;
}
