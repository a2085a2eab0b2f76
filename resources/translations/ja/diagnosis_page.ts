<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>DiagnosisPage</name>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/diagnosis_page.py" line="79" />
        <source>Diagnosis</source>
        <translation>診断</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/diagnosis_page.py" line="80" />
        <source>Diagnosis of the last request</source>
        <translation>直前のリクエストの診断</translation>
    </message>
</context>
</TS>