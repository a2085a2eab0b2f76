<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>KeyPage</name>
    <message>
        <source>Check &amp;again</source>
        <extracomment>What the window and the tests reach through the page; each lives in one workflow.</extracomment>
        <translation>再確認(&amp;A)</translation>
    </message>
    <message>
        <source>Check the OS keyring again</source>
        <translation>OS のキーリングを再確認</translation>
    </message>
    <message>
        <source>After unlocking or installing a keyring, check again.</source>
        <translation>キーリングのロックを解除したり、新たにインストールしたりしたら、もう一度確認してください。</translation>
    </message>
    <message>
        <source>Then press Check again.</source>
        <translation>終わったら「再確認」を押してください。</translation>
    </message>
    <message>
        <source>No keyring is configured: the key stays in memory only and is gone when you quit.</source>
        <translation>キーリングが設定されていません。鍵はメモリ上にだけあり、終了すると消えます。</translation>
    </message>
    <message>
        <source>Checking the OS keyring…</source>
        <translation>OS のキーリングを確認しています…</translation>
    </message>
    <message>
        <source>Keyring: {backend}. Saved keys are kept there, never in files.</source>
        <translation>キーリング: {backend}。保存した鍵はここに保管され、ファイルには書き出されません。</translation>
    </message>
    <message>
        <source>No usable keyring ({backend}): {message} The app still works; the key stays in memory only and nothing is written in plain text.</source>
        <translation>使えるキーリングがありません ({backend}): {message} アプリはこのまま使えます。鍵はメモリ上にだけ置かれ、平文で書き出されることはありません。</translation>
    </message>
</context>
</TS>