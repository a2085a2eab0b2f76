<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>ClaimsPage</name>
    <message>
        <source>Not valid JSON: {error}</source>
        <translation>JSON として正しくありません: {error}</translation>
    </message>
    <message>
        <source>The payload must be a JSON object {…}.</source>
        <translation>ペイロードは JSON オブジェクト {…} にしてください。</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(未設定)</translation>
    </message>
    <message>
        <source>{utc} UTC · {local} local · {relative}</source>
        <translation>{utc} UTC · {local} ローカル · {relative}</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 時間</translation>
    </message>
    <message>
        <source>now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>in {time}</source>
        <translation>{time}後</translation>
    </message>
    <message>
        <source>{time} ago</source>
        <translation>{time}前</translation>
    </message>
    <message>
        <source>In sync with the form.</source>
        <translation>フォームと同期しています。</translation>
    </message>
    <message>
        <source>Form updated from the JSON.</source>
        <translation>JSON の内容でフォームを更新しました。</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>クレーム</translation>
    </message>
    <message>
        <source>The payload Salesforce checks: iss = consumer key, sub = username, aud = login URL, exp = a few minutes from now (seconds since 1970, UTC). Edit the form or the JSON; both stay in sync.</source>
        <translation>Salesforce が検証するペイロードです。iss = コンシューマー鍵、sub = ユーザー名、aud = ログイン URL、exp = 数分後(1970 年からの秒数、UTC)。フォームでも JSON でも編集でき、両者は常に同期します。</translation>
    </message>
    <message>
        <source>Standard claims</source>
        <translation>標準クレーム</translation>
    </message>
    <message>
        <source>Extra claims</source>
        <translation>追加クレーム</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>JSON(そのまま)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>検査結果</translation>
    </message>
    <message>
        <source>iss (consumer key):</source>
        <translation>iss(コンシューマー鍵):</translation>
    </message>
    <message>
        <source>sub (username):</source>
        <translation>sub(ユーザー名):</translation>
    </message>
    <message>
        <source>aud (audience):</source>
        <translation>aud(オーディエンス):</translation>
    </message>
    <message>
        <source>Lifetime:</source>
        <translation>有効期間:</translation>
    </message>
    <message>
        <source>exp:</source>
        <translation>exp:</translation>
    </message>
    <message>
        <source>iat:</source>
        <translation>iat:</translation>
    </message>
    <message>
        <source>scope (optional):</source>
        <translation>scope(任意):</translation>
    </message>
    <message>
        <source>jti (optional):</source>
        <translation>jti(任意):</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Include iat</source>
        <translation>iat を含める</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>現在時刻</translation>
    </message>
    <message>
        <source>Set iat and exp from the current time</source>
        <translation>iat と exp を現在時刻から設定します</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Value (JSON or text)</source>
        <translation>値(JSON またはテキスト)</translation>
    </message>
    <message>
        <source>Add claim</source>
        <translation>クレームを追加</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>選択したものを削除</translation>
    </message>
    <message>
        <source>Issuer claim (consumer key)</source>
        <translation>発行者クレーム(コンシューマー鍵)</translation>
    </message>
    <message>
        <source>Subject claim (username)</source>
        <translation>サブジェクトクレーム(ユーザー名)</translation>
    </message>
    <message>
        <source>Audience claim</source>
        <translation>オーディエンスクレーム</translation>
    </message>
    <message>
        <source>Lifetime in seconds</source>
        <translation>有効期間(秒)</translation>
    </message>
    <message>
        <source>Include the issued-at claim</source>
        <translation>発行時刻クレームを含める</translation>
    </message>
    <message>
        <source>Set times from now</source>
        <translation>時刻を現在から設定</translation>
    </message>
    <message>
        <source>JWT id claim</source>
        <translation>JWT ID クレーム</translation>
    </message>
    <message>
        <source>Scope claim</source>
        <translation>スコープクレーム</translation>
    </message>
    <message>
        <source>Extra claims table</source>
        <translation>追加クレームの表</translation>
    </message>
    <message>
        <source>Add an extra claim</source>
        <translation>追加クレームを足す</translation>
    </message>
    <message>
        <source>Remove the selected extra claims</source>
        <translation>選択した追加クレームを削除</translation>
    </message>
    <message>
        <source>Raw JSON payload</source>
        <translation>JSON ペイロード</translation>
    </message>
    <message>
        <source>Lint findings</source>
        <translation>検査結果</translation>
    </message>
</context>
</TS>