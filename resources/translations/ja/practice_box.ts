<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>SendPage</name>
    <message>
        <source>Practice org</source>
        <translation>練習用組織</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>シナリオ:</translation>
    </message>
    <message>
        <source>Get a token with the healthy org first. Then pick a scenario that breaks one thing on purpose, press Send again and read the Diagnosis.</source>
        <translation>まず正常な組織でトークンを取得してください。次に、わざと 1 か所を壊したシナリオを選んでもう一度送信し、「診断」を読んでください。</translation>
    </message>
    <message>
        <source>Practice scenario</source>
        <translation>練習シナリオ</translation>
    </message>
</context>
</TS>