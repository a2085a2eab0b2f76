<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>ConnectionPage</name>
    <message>
        <source>Government Cloud: the assertion is POSTed to your My Domain while aud stays https://login.salesforce.com (https://test.salesforce.com for a sandbox). The checks and the diagnosis then look for a mix-up of the two (rule aud-gov-cloud).</source>
        <translation>Government Cloud: アサーションは私のドメインに POST し、aud は https://login.salesforce.com(Sandbox では https://test.salesforce.com)のままにします。チェックと診断では、この 2 つの取り違えを確認します(ルール aud-gov-cloud)。</translation>
    </message>
    <message>
        <source>Where to POST the assertion, e.g. https://login.salesforce.com.</source>
        <translation>アサーションの POST 先です。例: https://login.salesforce.com</translation>
    </message>
    <message>
        <source>Salesforce answers only over https:// (HTTPS required).</source>
        <translation>Salesforce は https:// でのみ応答します(HTTPS 必須)。</translation>
    </message>
    <message>
        <source>{host} is the Lightning UI, not a login host. Use the My Domain URL (….my.salesforce.com).</source>
        <translation>{host} は Lightning の画面用ホストで、ログインホストではありません。私のドメインの URL(….my.salesforce.com)を使ってください。</translation>
    </message>
    <message>
        <source>Token URL: {url}</source>
        <translation>トークン URL: {url}</translation>
    </message>
    <message>
        <source>The aud claim: https://login.salesforce.com, https://test.salesforce.com or My Domain.</source>
        <translation>aud クレーム: https://login.salesforce.com、https://test.salesforce.com、または私のドメイン。</translation>
    </message>
    <message>
        <source>aud {aud} must start with https:// (a bare host gives 'audience is invalid').</source>
        <translation>aud {aud} は https:// で始めてください(ホスト名だけだと「audience is invalid」になります)。</translation>
    </message>
    <message>
        <source>aud is the login URL, not the token URL: drop /services/oauth2/token.</source>
        <translation>aud はトークン URL ではなくログイン URL です。/services/oauth2/token を取り除いてください。</translation>
    </message>
    <message>
        <source>A Lightning host is not accepted as aud: use the My Domain URL.</source>
        <translation>Lightning のホストは aud として受け付けられません。私のドメインの URL を使ってください。</translation>
    </message>
    <message>
        <source>Salesforce accepts login, test, My Domain or site URLs as aud; check this one.</source>
        <translation>Salesforce が aud として受け付けるのは login、test、私のドメイン、サイトの URL です。この値を確認してください。</translation>
    </message>
    <message>
        <source>The endpoint is a {a} host but aud names a {b} host: production and sandbox do not mix.</source>
        <translation>エンドポイントは {a} のホストですが、aud は {b} のホストです。本番と Sandbox は混在できません。</translation>
    </message>
    <message>
        <source>The Connected App's consumer key (iss); it starts with 3MVG.</source>
        <translation>接続アプリケーションのコンシューマー鍵(iss)。3MVG で始まります。</translation>
    </message>
    <message>
        <source>The consumer key contains spaces or line breaks: copy it again.</source>
        <translation>コンシューマー鍵に空白や改行が含まれています。もう一度コピーしてください。</translation>
    </message>
    <message>
        <source>Consumer keys usually start with 3MVG; is this the consumer secret or an id?</source>
        <translation>コンシューマー鍵は通常 3MVG で始まります。コンシューマーの秘密や ID を入れていませんか?</translation>
    </message>
    <message>
        <source>The integration user's Salesforce username (sub).</source>
        <translation>連携ユーザーの Salesforce ユーザー名(sub)。</translation>
    </message>
    <message>
        <source>This is a user id; sub takes the username (name@example.com).</source>
        <translation>これはユーザー ID です。sub にはユーザー名(name@example.com)を指定します。</translation>
    </message>
    <message>
        <source>A Salesforce username looks like an e-mail address: name@example.com.</source>
        <translation>Salesforce のユーザー名はメールアドレスの形式です: name@example.com</translation>
    </message>
    <message>
        <source>Sandbox usernames usually end with the sandbox name (user@acme.com.uat).</source>
        <translation>Sandbox のユーザー名は通常 Sandbox 名で終わります(user@acme.com.uat)。</translation>
    </message>
    <message>
        <source>Looks right.</source>
        <translation>問題なさそうです。</translation>
    </message>
    <message>
        <source>Production (login.salesforce.com)</source>
        <translation>本番(login.salesforce.com)</translation>
    </message>
    <message>
        <source>Sandbox (test.salesforce.com)</source>
        <translation>Sandbox(test.salesforce.com)</translation>
    </message>
    <message>
        <source>My Domain</source>
        <translation>私のドメイン</translation>
    </message>
    <message>
        <source>Government Cloud (My Domain, aud login/test)</source>
        <translation>Government Cloud(私のドメイン、aud は login/test)</translation>
    </message>
    <message>
        <source>Experience Cloud site</source>
        <translation>Experience Cloud サイト</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>カスタム</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Where the signed JWT is sent and who it speaks for. The endpoint and aud are independent: a preset fills both, and you can change either.</source>
        <translation>署名済み JWT の送信先と、誰として認証するかを設定します。エンドポイントと aud は別々の値です。プリセットで両方が入り、どちらも個別に変更できます。</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>Endpoint and claims</source>
        <translation>エンドポイントとクレーム</translation>
    </message>
    <message>
        <source>Org type:</source>
        <translation>組織の種類:</translation>
    </message>
    <message>
        <source>My Domain name:</source>
        <translation>私のドメイン名:</translation>
    </message>
    <message>
        <source>Sandbox name (optional):</source>
        <translation>Sandbox 名(任意):</translation>
    </message>
    <message>
        <source>Site URL:</source>
        <translation>サイト URL:</translation>
    </message>
    <message>
        <source>&amp;Endpoint (POST to):</source>
        <translation>エンドポイント(POST 先)(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;aud (audience):</source>
        <translation>aud(オーディエンス)(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Consumer key (iss):</source>
        <translation>コンシューマー鍵(iss)(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Username (sub):</source>
        <translation>ユーザー名(sub)(&amp;U):</translation>
    </message>
    <message>
        <source>Connection preset</source>
        <translation>接続プリセット</translation>
    </message>
    <message>
        <source>My Domain name</source>
        <translation>私のドメイン名</translation>
    </message>
    <message>
        <source>Sandbox name</source>
        <translation>Sandbox 名</translation>
    </message>
    <message>
        <source>Experience Cloud site URL</source>
        <translation>Experience Cloud サイトの URL</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>Audience (aud)</source>
        <translation>オーディエンス(aud)</translation>
    </message>
    <message>
        <source>Consumer key</source>
        <translation>コンシューマー鍵</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>ユーザー名</translation>
    </message>
</context>
</TS>