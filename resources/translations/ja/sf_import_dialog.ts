<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>SfImportDialog</name>
    <message>
        <source>Asking the Salesforce CLI for its orgs…</source>
        <translation>Salesforce CLI に組織の一覧を問い合わせています…</translation>
    </message>
    <message>
        <source>a profile of this name exists</source>
        <translation>同じ名前のプロファイルがあります</translation>
    </message>
    <message>
        <source>The Salesforce CLI holds no org authorised with JWT ({others} other org(s)).</source>
        <translation>Salesforce CLI に JWT で認証された組織がありません (その他の組織 {others} 件)。</translation>
    </message>
    <message>
        <source>Authorise one with sf org login jwt, then press Refresh.</source>
        <translation>sf org login jwt で組織を認証してから「再読み込み」を押してください。</translation>
    </message>
    <message>
        <source>{count} org(s) authorised with JWT; {others} other org(s) are not shown.</source>
        <translation>JWT で認証された組織 {count} 件 (その他の組織 {others} 件は表示していません)。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>インポートしています…</translation>
    </message>
    <message>
        <source>Done: {ok} imported, {failed} failed.</source>
        <translation>完了: {ok} 件をインポート、{failed} 件が失敗しました。</translation>
    </message>
    <message>
        <source>kept the existing profile</source>
        <translation>既存のプロファイルを残しました</translation>
    </message>
    <message>
        <source>profile saved; key in the keyring as {name}</source>
        <translation>プロファイルを保存し、鍵をキーリングに {name} として保存しました</translation>
    </message>
    <message>
        <source>profile saved (key not imported)</source>
        <translation>プロファイルを保存しました (鍵はインポートしていません)</translation>
    </message>
    <message>
        <source>Import from the Salesforce CLI</source>
        <translation>Salesforce CLI からインポート</translation>
    </message>
    <message>
        <source>Each org the Salesforce CLI authorised with JWT (sf org login jwt) becomes a connection profile: consumer key, username, login URL. Profiles never hold a key or a token.</source>
        <translation>Salesforce CLI が JWT で認証した組織 (sf org login jwt) をそれぞれ接続プロファイルにします: コンシューマー鍵、ユーザー名、ログイン URL。プロファイルに鍵やトークンが含まれることはありません。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>鍵ファイル</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Salesforce CLI orgs authorised with JWT</source>
        <translation>JWT で認証された Salesforce CLI の組織</translation>
    </message>
    <message>
        <source>Also import each key file into the OS keyring (the file itself is left as it is)</source>
        <translation>各鍵ファイルを OS のキーリングにもインポートする (ファイル自体はそのまま残ります)</translation>
    </message>
    <message>
        <source>Replace profiles of the same name</source>
        <translation>同じ名前のプロファイルを置き換える</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
</context>
</TS>