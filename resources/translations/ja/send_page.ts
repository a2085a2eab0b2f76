<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>SendPage</name>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="238" />
        <source>There is no signed JWT to send: add a key and fill the connection first.</source>
        <translation>送信する署名済み JWT がありません。先に鍵を用意し、接続を入力してください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="260" />
        <source>Sending to {url}…</source>
        <translation>{url} に送信しています…</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="268" />
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="287" />
        <source>The request could not be made: {error}</source>
        <translation>リクエストを実行できませんでした: {error}</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="318" />
        <source>Salesforce issued an access token.</source>
        <translation>Salesforce がアクセストークンを発行しました。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="321" />
        <source>Cancelled: nothing more will be sent.</source>
        <translation>キャンセルしました。これ以上は送信しません。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="327" />
        <source>Refused: {what}. See the Diagnosis page.</source>
        <translation>拒否されました: {what}。「診断」ページを確認してください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="332" />
        <source>No server time (no answer with a Date header).</source>
        <translation>サーバー時刻なし(Date ヘッダー付きの応答がありません)。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="335" />
        <source>Server time: {date}</source>
        <translation>サーバー時刻: {date}</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="339" />
        <source>clock offset {offset} ± {uncertainty} s (server minus this machine)</source>
        <translation>時計のずれ {offset} ± {uncertainty} 秒(サーバー − この端末)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="343" />
        <source>clock offset {offset} s (server minus this machine)</source>
        <translation>時計のずれ {offset} 秒(サーバー − この端末)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="359" />
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="493" />
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="359" />
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="493" />
        <source>Reveal</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="365" />
        <source>Access token copied. It is a password: paste it only where it belongs.</source>
        <translation>アクセストークンをコピーしました。パスワードと同じ扱いです。必要な場所以外には貼り付けないでください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="376" />
        <source>Calling the API…</source>
        <translation>API を呼び出しています…</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="393" />
        <source>Works: logged in as {user}; API versions … {versions}</source>
        <translation>成功: {user} としてログイン済み。API バージョン … {versions}</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="400" />
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="408" />
        <source>The API call failed: {error}</source>
        <translation>API 呼び出しに失敗しました: {error}</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="421" />
        <source>No endpoint yet: fill the Connection page.</source>
        <translation>エンドポイントが未設定です。「接続」ページを入力してください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="433" />
        <source>trusting {ca}</source>
        <translation>信頼する CA: {ca}</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="433" />
        <source>trust: {trust}</source>
        <translation>信頼: {trust}</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="462" />
        <source>All filled in for the practice org: press Send (Ctrl+Enter).</source>
        <translation>練習用組織への接続情報はすべて入力済みです。送信 (Ctrl+Enter) を押してください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="483" />
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="484" />
        <source>Send (Ctrl+Enter)</source>
        <translation>送信 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="485" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="486" />
        <source>Move iat/exp to now before sending</source>
        <translation>送信前に iat/exp を現在時刻に合わせる</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="487" />
        <source>Access granted</source>
        <translation>アクセス許可</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="488" />
        <source>Instance URL:</source>
        <translation>インスタンス URL:</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="489" />
        <source>Org id:</source>
        <translation>組織 ID:</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="490" />
        <source>User id:</source>
        <translation>ユーザー ID:</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="491" />
        <source>Scope:</source>
        <translation>スコープ:</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="492" />
        <source>Access token:</source>
        <translation>アクセストークン:</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="494" />
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="495" />
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="514" />
        <source>Test API access</source>
        <translation>API アクセスを試す</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="496" />
        <source>Transcript (secrets masked)</source>
        <translation>通信記録(秘密情報は伏せ字)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="497" />
        <source>Practice org</source>
        <translation>練習用組織</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="498" />
        <source>Scenario:</source>
        <translation>シナリオ:</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="501" />
        <source>Get a token with the healthy org first. Then pick a scenario that breaks one thing on purpose, press Send again and read the Diagnosis.</source>
        <translation>まず正常な組織でトークンを取得してください。次に、わざと 1 か所を壊したシナリオを選んでもう一度送信し、「診断」を読んでください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="507" />
        <source>Send the token request</source>
        <translation>トークン要求を送信</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="508" />
        <source>Cancel the request</source>
        <translation>リクエストをキャンセル</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="509" />
        <source>Move iat and exp to now before sending</source>
        <translation>送信前に iat と exp を現在時刻に合わせる</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="510" />
        <source>Request in progress</source>
        <translation>リクエスト実行中</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="511" />
        <source>Access token</source>
        <translation>アクセストークン</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="512" />
        <source>Reveal or hide the access token</source>
        <translation>アクセストークンの表示/非表示</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="513" />
        <source>Copy the access token</source>
        <translation>アクセストークンをコピー</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="515" />
        <source>Transcript</source>
        <translation>通信記録</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="516" />
        <source>Practice scenario</source>
        <translation>練習シナリオ</translation>
    </message>
</context>
</TS>