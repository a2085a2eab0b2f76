<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>パスフレーズをもう一度入力</translation>
    </message>
    <message>
        <source>&amp;Show characters</source>
        <translation>文字を表示(&amp;S)</translation>
    </message>
    <message>
        <source>Show the passphrase characters</source>
        <translation>パスフレーズの文字を表示</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>もう一度(&amp;R):</translation>
    </message>
</context>
</TS>