<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>DiagnosisView</name>
    <message>
        <source>confirmed</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <source>ruled out</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <source>unknown — check in Setup</source>
        <translation>不明 — 設定画面で確認</translation>
    </message>
    <message>
        <source>likely</source>
        <translation>可能性あり</translation>
    </message>
    <message>
        <source>Nothing to explain yet: send a request first.</source>
        <translation>まだ説明する結果がありません。先にリクエストを送信してください。</translation>
    </message>
    <message>
        <source>Press Send (Ctrl+Enter) on the Send page. Whatever the token endpoint answers, this page then says what it means, which causes are confirmed or ruled out by what was sent, and how to fix it. To explain an answer you already have, use the Explain an error tool.</source>
        <translation>「送信」ページで送信 (Ctrl+Enter) を押してください。トークンエンドポイントの応答がどうであれ、このページにその意味、送った内容から確認できた原因・否定できた原因、そして直し方が表示されます。手元にある応答を説明させるには「エラーを解説」ツールを使ってください。</translation>
    </message>
    <message>
        <source>Possible causes</source>
        <translation>考えられる原因</translation>
    </message>
    <message>
        <source>How to fix it</source>
        <translation>直し方</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>起きたこと:</translation>
    </message>
    <message>
        <source>Closest known error:</source>
        <translation>最も近い既知のエラー:</translation>
    </message>
    <message>
        <source>A guess from the words of the answer: check its causes with care.</source>
        <translation>応答の言葉から推定した候補です。原因は慎重に確認してください。</translation>
    </message>
    <message>
        <source>Salesforce documentation or raw answers in public threads say so.</source>
        <translation>Salesforce のドキュメント、または公開スレッドに載った実際の応答で確認されています。</translation>
    </message>
    <message>
        <source>Known from third-party or a few public reports only: check it in your org.</source>
        <translation>第三者の情報や少数の公開報告によるものです。ご自身の組織で確認してください。</translation>
    </message>
    <message>
        <source>No public source: treat it as a lead, not a fact.</source>
        <translation>公開された出典はありません。事実ではなく手がかりとして扱ってください。</translation>
    </message>
    <message>
        <source>Raw response</source>
        <translation>レスポンス(そのまま)</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>How sure the match is</source>
        <translation>一致の確かさ</translation>
    </message>
    <message>
        <source>Which OAuth flow the answer belongs to</source>
        <translation>応答がどの OAuth フローのものか</translation>
    </message>
    <message>
        <source>Findings about the token sent</source>
        <translation>送信したトークンの検査結果</translation>
    </message>
</context>
</TS>