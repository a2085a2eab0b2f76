<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>TranscriptPanel</name>
    <message>
        <source>Transcript (secrets masked)</source>
        <translation>通信記録(秘密情報は伏せ字)</translation>
    </message>
    <message>
        <source>Raw bytes</source>
        <translation>生のバイト列</translation>
    </message>
    <message>
        <source>Show the response bodies exactly as they came, not pretty-printed.</source>
        <translation>応答の本文を整形せず、届いたとおりに表示します。</translation>
    </message>
    <message>
        <source>Show the raw response bodies</source>
        <translation>応答の本文をそのまま表示</translation>
    </message>
    <message>
        <source>This session's exchanges</source>
        <translation>このセッションのやり取り</translation>
    </message>
    <message>
        <source>This session's token requests: choose one to see what was sent.</source>
        <translation>このセッションのトークン要求です。選ぶと送った内容と応答を表示します。</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>通信記録</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>発行</translation>
    </message>
    <message>
        <source>Salesforce issued an access token.</source>
        <translation>Salesforce がアクセストークンを発行しました。</translation>
    </message>
    <message>
        <source>Diagnosis: {title}</source>
        <translation>診断: {title}</translation>
    </message>
</context>
</TS>