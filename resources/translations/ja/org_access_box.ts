<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>OrgAccessBox</name>
    <message>
        <source>The practice org's admin token ({host}), handed over by practice mode.</source>
        <translation>練習モードから渡された練習用組織の管理者トークン ({host})。</translation>
    </message>
    <message>
        <source>Start the practice org (Practice menu) to use its admin token.</source>
        <translation>管理者トークンを使うには練習用組織を起動してください (「練習」メニュー)。</translation>
    </message>
    <message>
        <source>No token yet: a successful send in this session gives one.</source>
        <translation>まだトークンがありません。このセッションで送信が成功するとトークンが得られます。</translation>
    </message>
    <message>
        <source>The access token of this session's last successful send ({host}). If its user may not read Setup, every check says it could not check.</source>
        <translation>このセッションで最後に成功した送信のアクセストークン ({host})。そのユーザーが「設定」を参照できない場合、すべての確認が「確認できず」になります。</translation>
    </message>
    <message>
        <source>Asking the Salesforce CLI for its orgs…</source>
        <translation>Salesforce CLI に組織の一覧を問い合わせています…</translation>
    </message>
    <message>
        <source>The Salesforce CLI holds no org.</source>
        <translation>Salesforce CLI に組織がありません。</translation>
    </message>
    <message>
        <source>Authorise one with sf org login web, then press Refresh.</source>
        <translation>sf org login web で組織を認証してから「再読み込み」を押してください。</translation>
    </message>
    <message>
        <source>The instance URL {url} is not an https:// address.</source>
        <translation>インスタンス URL {url} は https:// のアドレスではありません。</translation>
    </message>
    <message>
        <source>Paste the org's address, for example https://MyDomain.my.salesforce.com.</source>
        <translation>組織のアドレスを貼り付けてください。例: https://MyDomain.my.salesforce.com。</translation>
    </message>
    <message>
        <source>The access token is empty or too long.</source>
        <translation>アクセストークンが空か、長すぎます。</translation>
    </message>
    <message>
        <source>Paste an access token (session id), e.g. from sf org auth show-access-token.</source>
        <translation>アクセストークン (セッション ID) を貼り付けてください。例: sf org auth show-access-token の出力。</translation>
    </message>
    <message>
        <source>Using the pasted token (in memory only).</source>
        <translation>貼り付けたトークンを使用します (メモリーにのみ保持)。</translation>
    </message>
    <message>
        <source>&amp;Admin connection:</source>
        <translation>管理者接続(&amp;A):</translation>
    </message>
    <message>
        <source>Practice org (admin token)</source>
        <translation>練習用組織 (管理者トークン)</translation>
    </message>
    <message>
        <source>This session's token</source>
        <translation>このセッションのトークン</translation>
    </message>
    <message>
        <source>A Salesforce CLI org</source>
        <translation>Salesforce CLI の組織</translation>
    </message>
    <message>
        <source>Paste instance URL and access token</source>
        <translation>インスタンス URL とアクセストークンを貼り付け</translation>
    </message>
    <message>
        <source>Where the admin token comes from</source>
        <translation>管理者トークンの取得元</translation>
    </message>
    <message>
        <source>Salesforce CLI org</source>
        <translation>Salesforce CLI の組織</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>&amp;Instance URL:</source>
        <translation>インスタンス URL(&amp;I):</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>アクセストークン(&amp;T):</translation>
    </message>
    <message>
        <source>Instance URL</source>
        <translation>インスタンス URL</translation>
    </message>
    <message>
        <source>Access token (hidden, kept in memory only)</source>
        <translation>アクセストークン (非表示、メモリーにのみ保持)</translation>
    </message>
    <message>
        <source>00D…!… (kept in memory only)</source>
        <translation>00D…!… (メモリーにのみ保持)</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
</context>
</TS>