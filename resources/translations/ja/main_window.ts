<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <source>Key &amp; certificate</source>
        <translation>鍵と証明書</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>クレーム</translation>
    </message>
    <message>
        <source>Signed JWT</source>
        <translation>署名済み JWT</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>診断</translation>
    </message>
    <message>
        <source>Decode a JWT</source>
        <translation>JWT をデコード</translation>
    </message>
    <message>
        <source>Explain an error</source>
        <translation>エラーを解説</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>鍵の一覧</translation>
    </message>
    <message>
        <source>sfjwt-gui — Salesforce JWT Bearer Flow workbench</source>
        <translation>sfjwt-gui — Salesforce JWT ベアラーフロー ワークベンチ</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未着手</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Steps and tools</source>
        <translation>手順とツール</translation>
    </message>
    <message>
        <source>Current page</source>
        <translation>現在のページ</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>ツール</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Practice</source>
        <translation>練習(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Load profile</source>
        <translation>プロファイルを読み込む</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>プロファイルを削除</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>&amp;Send the token request</source>
        <translation>トークン要求を送信(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Generate a key…</source>
        <translation>鍵を生成(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Import a key or certificate…</source>
        <translation>鍵または証明書を読み込む(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Copy the signed JWT</source>
        <translation>署名済み JWT をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Help and shortcuts</source>
        <translation>ヘルプとショートカット</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Save connection as &amp;profile…</source>
        <translation>接続をプロファイルとして保存(&amp;P)…</translation>
    </message>
    <message>
        <source>Show &amp;log</source>
        <translation>ログを表示(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Start the practice org</source>
        <translation>練習用組織を起動(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top the practice org</source>
        <translation>練習用組織を停止(&amp;T)</translation>
    </message>
    <message>
        <source>The facts this app builds on (reference)</source>
        <translation>このアプリの根拠となる事実(リファレンス)</translation>
    </message>
    <message>
        <source>About sfjwt-gui</source>
        <translation>sfjwt-gui について</translation>
    </message>
    <message>
        <source>Signed JWT copied to the clipboard.</source>
        <translation>署名済み JWT をクリップボードにコピーしました。</translation>
    </message>
    <message>
        <source>There is no signed JWT yet: add a key and fill the connection.</source>
        <translation>署名済み JWT がまだありません。鍵を用意し、接続を入力してください。</translation>
    </message>
    <message>
        <source>Send the token request</source>
        <translation>トークン要求を送信</translation>
    </message>
    <message>
        <source>Go to a step or tool</source>
        <translation>手順またはツールへ移動</translation>
    </message>
    <message>
        <source>Generate a key</source>
        <translation>鍵を生成</translation>
    </message>
    <message>
        <source>Import a key or certificate</source>
        <translation>鍵または証明書を読み込む</translation>
    </message>
    <message>
        <source>Copy the signed JWT</source>
        <translation>署名済み JWT をコピー</translation>
    </message>
    <message>
        <source>Start the practice org</source>
        <translation>練習用組織を起動</translation>
    </message>
    <message>
        <source>Save the connection as a profile</source>
        <translation>接続をプロファイルとして保存</translation>
    </message>
    <message>
        <source>Show or hide the log</source>
        <translation>ログの表示/非表示</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>このヘルプ</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Work through the steps from top to bottom: a key and its certificate, the connection, the claims, the signed JWT, then Send. When Salesforce refuses, the Diagnosis page explains why. No org yet? Practice → Start the practice org.</source>
        <translation>上から順に進めてください: 鍵と証明書、接続、クレーム、署名済み JWT、そして送信。Salesforce に拒否されたときは「診断」ページが理由を説明します。組織がまだない場合は、練習 → 練習用組織を起動 を選んでください。</translation>
    </message>
    <message>
        <source>Salesforce documentation</source>
        <translation>Salesforce のドキュメント</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ヘルプ</translation>
    </message>
    <message>
        <source>sfjwt-gui {version}: set up and debug the Salesforce OAuth 2.0 JWT Bearer Flow. MIT licence.</source>
        <translation>sfjwt-gui {version}: Salesforce OAuth 2.0 JWT ベアラーフローの設定とデバッグのためのツール。MIT ライセンス。</translation>
    </message>
    <message>
        <source>Scenario “{name}” is set. Press Send (Ctrl+Enter) to see what Salesforce answers.</source>
        <translation>シナリオ「{name}」に切り替えました。送信 (Ctrl+Enter) を押すと Salesforce の応答を確認できます。</translation>
    </message>
    <message>
        <source>Practice org</source>
        <translation>練習用組織</translation>
    </message>
    <message>
        <source>Practice org: {url} — scenario {name}</source>
        <translation>練習用組織: {url} — シナリオ {name}</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>プロファイルを保存</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>プロファイル名:</translation>
    </message>
    <message>
        <source>Profile {name} saved.</source>
        <translation>プロファイル {name} を保存しました。</translation>
    </message>
    <message>
        <source>Key {name} loaded from the keyring.</source>
        <translation>鍵 {name} をキーリングから読み込みました。</translation>
    </message>
    <message>
        <source>The profile's key {name} could not be loaded from the keyring: {error}</source>
        <translation>プロファイルの鍵 {name} をキーリングから読み込めませんでした: {error}</translation>
    </message>
    <message>
        <source>(no saved profiles)</source>
        <translation>(保存されたプロファイルはありません)</translation>
    </message>
</context>
</TS>