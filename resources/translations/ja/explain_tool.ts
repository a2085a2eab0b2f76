<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>ExplainToolPage</name>
    <message>
        <source>Explain an error</source>
        <translation>エラーを解説</translation>
    </message>
    <message>
        <source>Paste the token endpoint's response, e.g. {"error":"invalid_grant","error_description":"audience is invalid"}, or a log line that contains it — or drop the log file or the saved response here.</source>
        <translation>トークンエンドポイントの応答 (例: {"error":"invalid_grant","error_description":"audience is invalid"}) か、それを含むログの行を貼り付けてください。ログファイルや保存した応答をここにドロップしても構いません。</translation>
    </message>
    <message>
        <source>Response body or log line to explain</source>
        <translation>解説する応答本文またはログの行</translation>
    </message>
    <message>
        <source>&amp;Explain</source>
        <translation>解説(&amp;E)</translation>
    </message>
    <message>
        <source>Explain the pasted error</source>
        <translation>貼り付けたエラーを解説</translation>
    </message>
    <message>
        <source>Explain (Ctrl+Enter in the text box).</source>
        <translation>解説します (入力欄で Ctrl+Enter)。</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>クリア(&amp;L)</translation>
    </message>
    <message>
        <source>Clear the pasted text and the explanation</source>
        <translation>貼り付けたテキストと解説をクリア</translation>
    </message>
    <message>
        <source>Paste what Salesforce answered (or the line your tool logged), or drop the log file, and press Explain: you get what it means, the likely causes and the fix.</source>
        <translation>Salesforce の応答 (またはツールが記録したログの行) を貼り付けるか、ログファイルをドロップして「解説」を押すと、その意味・考えられる原因・対処法が表示されます。</translation>
    </message>
    <message>
        <source>Explanation of the error</source>
        <translation>エラーの解説</translation>
    </message>
    <message>
        <source>Nothing to explain: the box is empty.</source>
        <translation>入力欄が空なので、解説するものがありません。</translation>
    </message>
    <message>
        <source>Paste the response body or the log line.</source>
        <translation>応答本文またはログの行を貼り付けてください。</translation>
    </message>
</context>
</TS>