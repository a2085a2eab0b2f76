<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>SendPage</name>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="232" />
        <source>There is no signed JWT to send: add a key and fill the connection first.</source>
        <translation>送信する署名済み JWT がありません。先に鍵を用意し、接続を入力してください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="255" />
        <source>Sending to {url}…</source>
        <translation>{url} に送信しています…</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="263" />
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="282" />
        <source>The request could not be made: {error}</source>
        <translation>リクエストを実行できませんでした: {error}</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="312" />
        <source>Salesforce issued an access token.</source>
        <translation>Salesforce がアクセストークンを発行しました。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="315" />
        <source>Cancelled: nothing more will be sent.</source>
        <translation>キャンセルしました。これ以上は送信しません。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="320" />
        <source>Refused: {what}. See the Diagnosis page.</source>
        <translation>拒否されました: {what}。「診断」ページを確認してください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="325" />
        <source>No server time (no answer with a Date header).</source>
        <translation>サーバー時刻なし(Date ヘッダー付きの応答がありません)。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="328" />
        <source>Server time: {date}</source>
        <translation>サーバー時刻: {date}</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="330" />
        <source>clock offset {offset} s (server minus this machine)</source>
        <translation>時計のずれ {offset} 秒(サーバー − この端末)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="345" />
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="436" />
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="345" />
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="436" />
        <source>Reveal</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="351" />
        <source>Access token copied. It is a password: paste it only where it belongs.</source>
        <translation>アクセストークンをコピーしました。パスワードと同じ扱いです。必要な場所以外には貼り付けないでください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="362" />
        <source>Calling the API…</source>
        <translation>API を呼び出しています…</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="379" />
        <source>Works: logged in as {user}; API versions … {versions}</source>
        <translation>成功: {user} としてログイン済み。API バージョン … {versions}</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="385" />
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="393" />
        <source>The API call failed: {error}</source>
        <translation>API 呼び出しに失敗しました: {error}</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="405" />
        <source>No endpoint yet: fill the Connection page.</source>
        <translation>エンドポイントが未設定です。「接続」ページを入力してください。</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="417" />
        <source>trusting {ca}</source>
        <translation>信頼する CA: {ca}</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="417" />
        <source>trust: {trust}</source>
        <translation>信頼: {trust}</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="426" />
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="427" />
        <source>Send (Ctrl+Enter)</source>
        <translation>送信 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="428" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="429" />
        <source>Move iat/exp to now before sending</source>
        <translation>送信前に iat/exp を現在時刻に合わせる</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="430" />
        <source>Access granted</source>
        <translation>アクセス許可</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="431" />
        <source>Instance URL:</source>
        <translation>インスタンス URL:</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="432" />
        <source>Org id:</source>
        <translation>組織 ID:</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="433" />
        <source>User id:</source>
        <translation>ユーザー ID:</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="434" />
        <source>Scope:</source>
        <translation>スコープ:</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="435" />
        <source>Access token:</source>
        <translation>アクセストークン:</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="437" />
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="438" />
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="448" />
        <source>Test API access</source>
        <translation>API アクセスを試す</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="439" />
        <source>Transcript (secrets masked)</source>
        <translation>通信記録(秘密情報は伏せ字)</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="441" />
        <source>Send the token request</source>
        <translation>トークン要求を送信</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="442" />
        <source>Cancel the request</source>
        <translation>リクエストをキャンセル</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="443" />
        <source>Move iat and exp to now before sending</source>
        <translation>送信前に iat と exp を現在時刻に合わせる</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="444" />
        <source>Request in progress</source>
        <translation>リクエスト実行中</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="445" />
        <source>Access token</source>
        <translation>アクセストークン</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="446" />
        <source>Reveal or hide the access token</source>
        <translation>アクセストークンの表示/非表示</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="447" />
        <source>Copy the access token</source>
        <translation>アクセストークンをコピー</translation>
    </message>
    <message>
        <location filename="../../../sfjwt_gui/ui/pages/send_page.py" line="449" />
        <source>Transcript</source>
        <translation>通信記録</translation>
    </message>
</context>
</TS>