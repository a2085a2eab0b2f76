<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="125" />
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="126" />
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="126" />
        <source>Repeat the passphrase</source>
        <translation>パスフレーズをもう一度入力</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="127" />
        <source>&amp;Show characters</source>
        <translation>文字を表示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="128" />
        <source>Show the passphrase characters</source>
        <translation>パスフレーズの文字を表示</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="137" />
        <source>The two passphrases differ.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="42" />
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/dialogs/passphrase.py" line="44" />
        <source>&amp;Repeat:</source>
        <translation>もう一度(&amp;R):</translation>
    </message>
</context>
</TS>