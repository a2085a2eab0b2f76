<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <source>Send the token request</source>
        <translation>トークン要求を送信</translation>
    </message>
    <message>
        <source>Go to a step or tool</source>
        <translation>手順またはツールへ移動</translation>
    </message>
    <message>
        <source>Generate a key</source>
        <translation>鍵を生成</translation>
    </message>
    <message>
        <source>Import a key or certificate</source>
        <translation>鍵または証明書を読み込む</translation>
    </message>
    <message>
        <source>Copy the signed JWT</source>
        <translation>署名済み JWT をコピー</translation>
    </message>
    <message>
        <source>Start the practice org</source>
        <translation>練習用組織を起動</translation>
    </message>
    <message>
        <source>Save the connection as a profile</source>
        <translation>接続をプロファイルとして保存</translation>
    </message>
    <message>
        <source>Show or hide the log</source>
        <translation>ログの表示/非表示</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>このヘルプ</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Work through the steps from top to bottom: a key and its certificate, the connection, the claims, the signed JWT, then Send. When Salesforce refuses, the Diagnosis page explains why. No org yet? Practice → Start the practice org.</source>
        <translation>上から順に進めてください: 鍵と証明書、接続、クレーム、署名済み JWT、そして送信。Salesforce に拒否されたときは「診断」ページが理由を説明します。組織がまだない場合は、練習 → 練習用組織を起動 を選んでください。</translation>
    </message>
    <message>
        <source>Salesforce documentation</source>
        <translation>Salesforce のドキュメント</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ヘルプ</translation>
    </message>
    <message>
        <source>About sfjwt-gui</source>
        <translation>sfjwt-gui について</translation>
    </message>
    <message>
        <source>sfjwt-gui {version}: set up and debug the Salesforce OAuth 2.0 JWT Bearer Flow. MIT licence.</source>
        <translation>sfjwt-gui {version}: Salesforce OAuth 2.0 JWT ベアラーフローの設定とデバッグのためのツール。MIT ライセンス。</translation>
    </message>
</context>
</TS>