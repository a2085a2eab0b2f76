<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>KeyFileExport</name>
    <message>
        <source>Export the key for this command</source>
        <translation>このコマンド用に鍵を書き出す</translation>
    </message>
    <message>
        <source>Unencrypted PEM private key (*.pem *.key)</source>
        <translation>暗号化されていない PEM 秘密鍵 (*.pem *.key)</translation>
    </message>
    <message>
        <source>Write an unencrypted key file</source>
        <translation>暗号化されていない鍵ファイルを書き出す</translation>
    </message>
    <message>
        <source>Write the key file</source>
        <translation>鍵ファイルを書き出す</translation>
    </message>
</context>
</TS>