<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>CrashDialog</name>
    <message>
        <source>sfjwt-gui hit an unexpected error</source>
        <translation>sfjwt-gui で予期しないエラーが発生しました</translation>
    </message>
    <message>
        <source>Something went wrong inside sfjwt-gui. Your work is still open; you can keep going or restart. Private keys and tokens are masked in the report below, so it is safe to copy it into a bug report.</source>
        <translation>sfjwt-gui の内部で問題が起きました。作業内容はそのまま残っているので、続けることも再起動することもできます。下のレポートでは秘密鍵とトークンが伏せてあるため、不具合報告にそのまま貼り付けても安全です。</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>レポートをコピー</translation>
    </message>
    <message>
        <source>Copy the crash report</source>
        <translation>クラッシュレポートをコピー</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>クラッシュレポート</translation>
    </message>
</context>
</TS>