<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>DiagnosisView</name>
    <message>
        <location filename="../../../sfjwt_gui/ui/widgets/diagnosis_view.py" line="80" />
        <source>confirmed</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/widgets/diagnosis_view.py" line="81" />
        <source>ruled out</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/widgets/diagnosis_view.py" line="82" />
        <source>unknown — check in Setup</source>
        <translation>不明 — 設定画面で確認</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/widgets/diagnosis_view.py" line="83" />
        <source>likely</source>
        <translation>可能性あり</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/widgets/diagnosis_view.py" line="90" />
        <source>Nothing to explain yet: send a request first.</source>
        <translation>まだ説明する結果がありません。先にリクエストを送信してください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/widgets/diagnosis_view.py" line="104" />
        <source>Possible causes</source>
        <translation>考えられる原因</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/widgets/diagnosis_view.py" line="105" />
        <source>How to fix it</source>
        <translation>直し方</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/widgets/diagnosis_view.py" line="106" />
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/widgets/diagnosis_view.py" line="145" />
        <location filename="../../../sfjwt_gui/ui/widgets/diagnosis_view.py" line="147" />
        <source>Raw response</source>
        <translation>レスポンス(そのまま)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/widgets/diagnosis_view.py" line="146" />
        <source>Explanation</source>
        <translation>説明</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/widgets/diagnosis_view.py" line="148" />
        <source>Findings about the token sent</source>
        <translation>送信したトークンの検査結果</translation>
    </message>
</context>
</TS>