<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>LogDock</name>
    <message>
        <location filename="../../../sfjwt_gui/ui/log_pane.py" line="78" />
        <source>Log (secrets are masked)</source>
        <translation>ログ(秘密情報は伏せ字)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/log_pane.py" line="79" />
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/log_pane.py" line="80" />
        <source>Clear the log</source>
        <translation>ログをクリア</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/log_pane.py" line="81" />
        <source>Log</source>
        <translation>ログ</translation>
    </message>
</context>
</TS>