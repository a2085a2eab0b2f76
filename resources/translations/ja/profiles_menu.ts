<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <source>Load profile</source>
        <translation>プロファイルを読み込む</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>プロファイルを削除</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>プロファイルを保存</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>プロファイル名:</translation>
    </message>
    <message>
        <source>Profile {name} saved.</source>
        <translation>プロファイル {name} を保存しました。</translation>
    </message>
    <message>
        <source>Key {name} loaded from the keyring.</source>
        <translation>鍵 {name} をキーリングから読み込みました。</translation>
    </message>
    <message>
        <source>The profile's key {name} could not be loaded from the keyring: {error}</source>
        <translation>プロファイルの鍵 {name} をキーリングから読み込めませんでした: {error}</translation>
    </message>
    <message>
        <source>(no saved profiles)</source>
        <translation>(保存されたプロファイルはありません)</translation>
    </message>
</context>
</TS>