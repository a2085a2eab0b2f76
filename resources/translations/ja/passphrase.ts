<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="72" />
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="77" />
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="73" />
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="75" />
        <source>&amp;Repeat:</source>
        <translation>もう一度(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="78" />
        <source>Repeat the passphrase</source>
        <translation>パスフレーズをもう一度入力</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="79" />
        <source>&amp;Show characters</source>
        <translation>文字を表示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="80" />
        <source>Show the passphrase characters</source>
        <translation>パスフレーズの文字を表示</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="95" />
        <source>The two passphrases differ.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
</context>
</TS>