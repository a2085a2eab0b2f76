<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <source>sfjwt-gui — Salesforce JWT Bearer Flow workbench</source>
        <translation>sfjwt-gui — Salesforce JWT ベアラーフロー ワークベンチ</translation>
    </message>
    <message>
        <source>Current page</source>
        <translation>現在のページ</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>Signed JWT copied to the clipboard.</source>
        <translation>署名済み JWT をクリップボードにコピーしました。</translation>
    </message>
    <message>
        <source>There is no signed JWT yet: add a key and fill the connection.</source>
        <translation>署名済み JWT がまだありません。鍵を用意し、接続を入力してください。</translation>
    </message>
</context>
</TS>