<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>DiagnosisPage</name>
    <message>
        <source>Practice org, scenario “{name}”.</source>
        <translation>練習用組織、シナリオ「{name}」。</translation>
    </message>
    <message>
        <source>What was set up this way, and how to fix it in a real org:</source>
        <translation>このシナリオの設定内容と、実際の組織での直し方:</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>診断</translation>
    </message>
    <message>
        <source>Diagnosis of the last request</source>
        <translation>直前のリクエストの診断</translation>
    </message>
    <message>
        <source>What the practice scenario set up</source>
        <translation>練習シナリオの設定内容</translation>
    </message>
</context>
</TS>