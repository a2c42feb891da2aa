/** How cards ask, in the notes' own language. */
export type Phrasing = {
  language: "ja" | "en";
  blank: string;
  whatIs: (term: string) => string;
  whatDoes: (command: string) => string;
  whichCommand: (task: string) => string;
  whichOption: (task: string, command: string) => string;
  whichShows: (task: string) => string;
  commandOf: (purpose: string, heading: string) => string;
  whichTerm: (clue: string) => string;
  whichOfGroup: (description: string, group: string) => string;
  combines: (commands: string[]) => string;
  partsOf: (command: string, count: number) => string;
  nameKinds: (title: string, count: number) => string;
  nameAbilities: (title: string, count: number) => string;
  nameTraits: (subject: string, count: number) => string;
  nameWays: (statement: string, count: number) => string;
  tableEffect: (table: string, term: string) => string;
  tableWhich: (table: string, effect: string) => string;
  tableExample: (table: string, effect: string, values: string) => string;
  versus: (statement: string, labels: string[]) => string;
  qualified: (label: string, base: string) => string;
  values: (values: string[]) => string;
};

// "コンテナを停止" (a verbal noun after its object) said as the verb it is: "コンテナを停止する".
const asVerb = (task: string) =>
  /[をてで](停止|削除|作成|起動|確認|表示|実行|取得)$/.test(task) ? `${task}する` : task;

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
        : `「${task}」に使うコマンドは？`,
  whichOption: (task, command) => `${command} で「${asVerb(task)}」には、どのオプションを使う？`,
  whichShows: (task) => `「${task}」を確認するコマンドは？`,
  commandOf: (purpose, heading) => `${purpose}：${heading}は？`,
  whichTerm: (clue) => `「${clue}」とは何のこと？`,
  whichOfGroup: (description, group) => `「${description}」のは、${group}のうちどれ？`,
  combines: (commands) => `${commands.map((c) => `\`${c}\``).join("・")} を一度に実行するコマンドは？`,
  partsOf: (command, count) => `${command} が一度に実行する${count}つのコマンドは？`,
  nameKinds: (title, count) => `${title}を${count}つ挙げてください。`,
  nameAbilities: (title, count) => `${title}でできることを${count}つ挙げてください。`,
  nameTraits: (subject, count) => `${subject}の特徴を${count}つ挙げてください。`,
  nameWays: (statement, count) => `${statement}。その方法を${count}つ挙げてください。`,
  tableEffect: (table, term) => `${table}の ${term} は何をする？`,
  tableWhich: (table, effect) => `${table}で「${effect}」のはどれ？`,
  tableExample: (table, effect, values) => `${table}で「${effect}」行を書くと？（${values}）`,
  versus: (statement, labels) =>
    `「${statement}」のは、${labels.length === 2 ? `${labels[0]}と${labels[1]}のどちら` : `${labels.join("・")}のどれ`}？`,
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
  whichShows: (task) => `Which command shows ${task.replace(/^the\s+/i, "the ")}?`,
  commandOf: (purpose, heading) => `${purpose}: ${heading}?`,
  whichTerm: (clue) => `What is described here: “${clue}”?`,
  whichOfGroup: (description, group) => `Which of the ${group.toLowerCase()} is “${description}”?`,
  combines: (commands) => `Which command runs ${commands.map((c) => `\`${c}\``).join(", ")} in one go?`,
  partsOf: (command, count) => `Which ${count} commands does \`${command}\` run in one go?`,
  nameKinds: (title, count) => `Name ${count}: ${title.toLowerCase()}.`,
  nameAbilities: (title, count) => `Name ${count} things ${title} can do.`,
  nameTraits: (subject, count) => `Name ${count} characteristics of ${subject}.`,
  nameWays: (statement, count) => `${statement}. Name ${count} ways.`,
  tableEffect: (table, term) => `In ${table}, what does ${term} do?`,
  tableWhich: (table, effect) => `In ${table}, which one does this: “${effect}”?`,
  tableExample: (table, effect, values) => `In ${table}, write the line that does this: “${effect}” (${values})`,
  versus: (statement, labels) => `“${statement}”: ${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}?`,
  qualified: (label, base) => `${label} ${base}`,
  values: (values) => ` (${values.join(", ")})`,
};

const cjk = /[\u3040-\u30ff\u3400-\u9fff]/g;

/** Japanese when a noticeable share of the letters are kana or kanji, else English. */
export function phrasingFor(text: string): Phrasing {
  const letters = text.replace(/[^\p{L}]/gu, "").length || 1;
  return (text.match(cjk)?.length ?? 0) / letters > 0.05 ? ja : en;
}
