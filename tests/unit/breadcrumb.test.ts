import { describe, expect, it } from "vitest";
import { safeBreadcrumb } from "@/app/_lib/breadcrumb";

describe("the breadcrumb above a question", () => {
  it("leaves out every heading that names the answer", () => {
    expect(safeBreadcrumb(["基本のコマンド", "docker container run"], ["docker container run <image>"])).toEqual([
      "基本のコマンド",
    ]);
    expect(safeBreadcrumb(["Dockerとは", "Docker CLI"], ["docker cli"])).toEqual(["Dockerとは"]);
    expect(
      safeBreadcrumb(["デバッグノウハウ", "container logs を使う"], ["docker container logs <container>"]),
    ).toEqual(["デバッグノウハウ"]);
  });

  it("keeps headings that say nothing of it", () => {
    expect(safeBreadcrumb(["サーバー仮想化", "仮想化の種類"], ["ホスト OS にインストールされ"])).toEqual([
      "サーバー仮想化",
      "仮想化の種類",
    ]);
  });

  it("leaves out headings' asides, and above a multiple-choice question headings naming an option", () => {
    // The aside gone, the heading names (part of) the answer: it goes too.
    expect(
      safeBreadcrumb(["Dockerのネットワーク", "ブリッジネットワーク(default)"], ["ユーザー定義ブリッジネットワーク"]),
    ).toEqual(["Dockerのネットワーク"]);
    expect(
      safeBreadcrumb(["ボリュームとバインド", "ボリュームマウント (Volume Mounting):"], ["docker run -v a:/b c"]),
    ).toEqual(["ボリュームとバインド", "ボリュームマウント"]);
    const section = ["Dockerのネットワーク", "ブリッジネットワーク(default)"];
    const options = ["ユーザ定義ブリッジネットワーク"];
    expect(safeBreadcrumb(section, ["デフォルトのブリッジネットワーク"], options)).toEqual(["Dockerのネットワーク"]);
    expect(
      safeBreadcrumb(["ボリュームとバインド", "バインドマウント"], ["ボリュームマウント"], ["バインドマウント"]),
    ).toEqual(["ボリュームとバインド"]);
  });
});
