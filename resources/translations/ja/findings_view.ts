<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>FindingCard</name>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>reported, not documented</source>
        <translation>報告ベース (公式記載なし)</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>対処:</translation>
    </message>
    <message>
        <source>Salesforce's documentation does not state this; it is reported in public threads.</source>
        <translation>Salesforce のドキュメントには記載がなく、公開されたスレッドで報告されている内容です。</translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message>
        <source>Nothing checked yet.</source>
        <translation>まだ何もチェックしていません。</translation>
    </message>
    <message>
        <source>No findings: nothing in this token is known to make Salesforce reject it.</source>
        <translation>指摘はありません。このトークンには Salesforce に拒否される既知の原因は見当たりません。</translation>
    </message>
    <message>
        <source>{errors} error(s), {warnings} warning(s), {infos} note(s)</source>
        <translation>エラー {errors} 件、警告 {warnings} 件、情報 {infos} 件</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy the findings as text</source>
        <translation>指摘をテキストとしてコピー</translation>
    </message>
    <message>
        <source>Lint findings</source>
        <translation>検査結果</translation>
    </message>
</context>
</TS>