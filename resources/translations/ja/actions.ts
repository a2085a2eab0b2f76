<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Generate a key…</source>
        <translation>鍵を生成(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Import a key or certificate…</source>
        <translation>鍵または証明書を読み込む(&amp;I)…</translation>
    </message>
    <message>
        <source>Save connection as &amp;profile…</source>
        <translation>接続をプロファイルとして保存(&amp;P)…</translation>
    </message>
    <message>
        <source>Import from the Salesforce &amp;CLI…</source>
        <translation>Salesforce CLI からインポート(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Send the token request</source>
        <translation>トークン要求を送信(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Copy the signed JWT</source>
        <translation>署名済み JWT をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Show &amp;log</source>
        <translation>ログを表示(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
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
        <source>Help and shortcuts</source>
        <translation>ヘルプとショートカット</translation>
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
        <source>&amp;File</source>
        <extracomment>Help → Salesforce documentation (title, URL): also listed in the F1 help box. Menu contents in order: actions, ``SEPARATOR``, or the name of a dynamic part the window fills itself ("profiles", "delete_profiles", "steps", "scenarios", "languages", "help_links").</extracomment>
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
</context>
</TS>