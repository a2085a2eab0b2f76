<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>FileDialogs</name>
    <message>
        <source>Keys and certificates (*.pem *.key *.crt *.cer *.der *.p12 *.pfx *.jks *.keystore *.txt)</source>
        <translation>鍵と証明書 (*.pem *.key *.crt *.cer *.der *.p12 *.pfx *.jks *.keystore *.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.cer *.pem *.der)</source>
        <translation>証明書 (*.crt *.cer *.pem *.der)</translation>
    </message>
</context>
</TS>