<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>SignedJwtPage</name>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="86" />
        <source>No private key yet: generate or import one on the Key &amp; certificate page.</source>
        <translation>秘密鍵がまだありません。「鍵と証明書」ページで生成するか読み込んでください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="89" />
        <source>No claims yet: fill the Connection and Claims pages.</source>
        <translation>クレームがまだありません。「接続」と「クレーム」ページを入力してください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="96" />
        <source>Signed with RS256. It is valid until exp; Send re-stamps iat/exp.</source>
        <translation>RS256 で署名しました。exp まで有効です。送信時に iat/exp を付け直します。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="159" />
        <source>Fill the Connection page to get ready-to-run code.</source>
        <translation>「接続」ページを入力すると、そのまま実行できるコードが表示されます。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="169" />
        <source>Signed JWT</source>
        <translation>署名済み JWT</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="170" />
        <source>Copy as code</source>
        <translation>コードとしてコピー</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="171" />
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="172" />
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="175" />
        <source>Python (httpx)</source>
        <translation>Python (httpx)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="176" />
        <source>Apex (Auth.JWT / Auth.JWS)</source>
        <translation>Apex (Auth.JWT / Auth.JWS)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="182" />
        <source>Snippet language</source>
        <translation>スニペットの言語</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="183" />
        <source>Copy the snippet</source>
        <translation>スニペットをコピー</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="184" />
        <source>Code snippet</source>
        <translation>コードスニペット</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/signed_jwt_page.py" line="185" />
        <source>Signed JWT, decoded</source>
        <translation>署名済み JWT(デコード済み)</translation>
    </message>
</context>
</TS>