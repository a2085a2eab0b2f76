<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>SignedJwtPage</name>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="97" />
        <source>No private key yet: generate or import one on the Key &amp; certificate page.</source>
        <translation>秘密鍵がまだありません。「鍵と証明書」ページで生成するか読み込んでください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="100" />
        <source>No claims yet: fill the Connection and Claims pages.</source>
        <translation>クレームがまだありません。「接続」と「クレーム」ページを入力してください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="107" />
        <source>Signed with RS256. It is valid until exp; Send re-stamps iat/exp.</source>
        <translation>RS256 で署名しました。exp まで有効です。送信時に iat/exp を付け直します。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="170" />
        <source>Fill the Connection page to get ready-to-run code.</source>
        <translation>「接続」ページを入力すると、そのまま実行できるコードが表示されます。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="180" />
        <source>Signed JWT</source>
        <translation>署名済み JWT</translation>
    </message>
    <message>
        <source>Copy JWT</source>
        <translation>JWT をコピー</translation>
    </message>
    <message>
        <source>Copy header JSON</source>
        <translation>ヘッダー JSON をコピー</translation>
    </message>
    <message>
        <source>Copy payload JSON</source>
        <translation>ペイロード JSON をコピー</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="181" />
        <source>Copy as code</source>
        <translation>コードとしてコピー</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="182" />
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="183" />
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="186" />
        <source>Python (httpx)</source>
        <translation>Python (httpx)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="187" />
        <source>Apex (Auth.JWT / Auth.JWS)</source>
        <translation>Apex (Auth.JWT / Auth.JWS)</translation>
    </message>
    <message>
        <source>Copy the signed JWT</source>
        <translation>署名済み JWT をコピー</translation>
    </message>
    <message>
        <source>Copy the header as JSON</source>
        <translation>ヘッダーを JSON でコピー</translation>
    </message>
    <message>
        <source>Copy the payload as JSON</source>
        <translation>ペイロードを JSON でコピー</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="193" />
        <source>Snippet language</source>
        <translation>スニペットの言語</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="194" />
        <source>Copy the snippet</source>
        <translation>スニペットをコピー</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="195" />
        <source>Code snippet</source>
        <translation>コードスニペット</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="196" />
        <source>Signed JWT, decoded</source>
        <translation>署名済み JWT(デコード済み)</translation>
    </message>
</context>
</TS>